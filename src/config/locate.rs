//! Where in the file a problem is, as editors and compilers say it:
//! line and column from 1, the column counted in characters.

/// Something wrong in the configuration, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl Problem {
    /// A problem at byte `offset` of `source` (clamped to it).
    pub fn at(source: &str, offset: usize, message: String) -> Problem {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &source[..offset];
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        Problem {
            line: before.matches('\n').count() + 1,
            col: before[line_start..].chars().count() + 1,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_from_one_in_characters() {
        let source = "a = 1\n[thème]\nx = 2";
        let p = Problem::at(source, source.find('x').unwrap(), String::new());
        assert_eq!((p.line, p.col), (3, 1));
        let p = Problem::at(source, source.find(']').unwrap(), String::new());
        assert_eq!((p.line, p.col), (2, 7));
        let p = Problem::at(source, 999, String::new());
        assert_eq!((p.line, p.col), (3, 6));
    }
}
