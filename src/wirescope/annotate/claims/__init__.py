"""Claims: attributed propositions and their stance."""
