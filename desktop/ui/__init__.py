"""The window: PySide6 widgets, item models, dialogs and background workers. The only Qt importer."""
