"""The built-in WeChat-like simulator: the platform of `qunguan replay`, the demo and tests."""
