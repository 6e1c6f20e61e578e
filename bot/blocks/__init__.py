"""Block Kit builders, one module per surface; words from the catalogue (`bot.words`)."""
