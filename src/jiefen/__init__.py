"""jiefen (解纷): dispute and social-risk management for social-governance centres."""
