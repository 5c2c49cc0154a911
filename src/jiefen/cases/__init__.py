"""The domain kernel of the case (事项). No screens; imports nothing above org."""
