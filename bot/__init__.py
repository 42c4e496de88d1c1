"""Qunguan (群管): governance of company chat groups."""

__version__ = "0.1.0"
