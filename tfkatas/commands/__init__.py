"""One module per helper command; see `tfkatas.cli.COMMANDS`."""
