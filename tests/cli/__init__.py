"""The spm-luring command line, run as a user would."""
