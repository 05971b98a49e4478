"""What runs the flows."""
