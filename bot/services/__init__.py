"""Services: one module per ritual or use case — load, let rituals/ decide, build, enqueue."""
