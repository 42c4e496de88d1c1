"""Platform-free types shared by every layer: events, actions, capabilities, clock, policy."""
