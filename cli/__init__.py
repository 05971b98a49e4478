"""The `chusho-extract` command line (`main`): its options, checks and commands.
"""
