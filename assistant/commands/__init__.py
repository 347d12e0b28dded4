"""One module per brieven subcommand; each only translates between the shell and the library."""
