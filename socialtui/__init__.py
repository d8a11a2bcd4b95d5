"""socialtui: plan a social media strategy and keep it honest, in a terminal."""

__version__ = "0.1.0"
