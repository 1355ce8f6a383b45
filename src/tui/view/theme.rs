//! Styles. With colours when allowed; under `NO_COLOR` everything that
//! matters (focus, selection, lateness, later search matches) still shows
//! through bold, reverse and underline. The colours of the roles users
//! think of are a [`Palette`] the configuration may change.

use ratatui::style::{Color, Modifier, Style};

/// The colours of the roles `[theme]` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The focused pane's border.
    pub focus: Color,
    /// Search matches' background.
    pub matched: Color,
    /// The current match's background.
    pub current_match: Color,
    /// The quote selection's background.
    pub selection: Color,
    /// Lateness.
    pub late: Color,
    /// Unfocused borders, notes, secondary text.
    pub muted: Color,
}

impl Default for Palette {
    fn default() -> Palette {
        Palette {
            focus: Color::Cyan,
            matched: Color::Yellow,
            current_match: Color::LightMagenta,
            selection: Color::Blue,
            late: Color::Red,
            muted: Color::DarkGray,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    fn fg(self, color: Color) -> Style {
        if self.color {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(self.palette.focus).add_modifier(Modifier::BOLD)
        } else {
            self.fg(self.palette.muted)
        }
    }

    pub fn title(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        }
    }

    pub fn selected(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// A search match; the current one stands out from the others.
    pub fn matched(self, current: bool) -> Style {
        match (current, self.color) {
            (true, true) => Style::new()
                .fg(Color::Black)
                .bg(self.palette.current_match)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (false, true) => Style::new()
                .fg(Color::Black)
                .bg(self.palette.matched)
                .add_modifier(Modifier::BOLD),
            (false, false) => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// Sentences selected for quoting.
    pub fn selection(self) -> Style {
        if self.color {
            Style::new().fg(Color::White).bg(self.palette.selection)
        } else {
            Style::new().add_modifier(Modifier::ITALIC | Modifier::REVERSED)
        }
    }

    pub fn late(self) -> Style {
        self.fg(self.palette.late).add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(self.palette.muted)
        } else {
            Style::new()
        }
    }

    /// A page's note standing where a text would be ("not digitised"):
    /// dimmed and italic, so it never reads as anybody's words.
    pub fn note(self) -> Style {
        self.dim().add_modifier(Modifier::ITALIC)
    }

    /// Comparing: a sentence found in one answer only.
    pub fn only(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::LightGreen)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// Comparing: a word changed in a sentence of both answers.
    pub fn changed_word(self) -> Style {
        self.fg(Color::LightRed)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn heading(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    pub fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn warning(self) -> Style {
        self.fg(Color::Yellow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_style(theme: Theme) -> Vec<Style> {
        vec![
            theme.border(true),
            theme.border(false),
            theme.matched(true),
            theme.matched(false),
            theme.selection(),
            theme.late(),
            theme.dim(),
            theme.note(),
        ]
    }

    #[test]
    fn a_configured_palette_colours_its_roles_and_no_color_still_wins() {
        let palette = Palette {
            focus: Color::Rgb(0xff, 0, 0),
            matched: Color::Green,
            ..Palette::default()
        };
        let coloured = Theme {
            color: true,
            palette,
        };
        assert_eq!(coloured.border(true).fg, Some(Color::Rgb(0xff, 0, 0)));
        assert_eq!(coloured.matched(false).bg, Some(Color::Green));
        let plain = Theme {
            color: false,
            palette,
        };
        for style in every_style(plain) {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        // What matters still shows without colour.
        assert_ne!(plain.matched(true), plain.matched(false));
        assert!(plain.selection().add_modifier.contains(Modifier::REVERSED));
        assert!(plain.late().add_modifier.contains(Modifier::BOLD));
    }
}
