"""Platform edges. Each adapter turns what it sees into core events and carries out actions;
only modules here import platform libraries (lazily, for the Windows-only ones)."""
