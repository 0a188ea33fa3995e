"""A person's home: what needs them across the domains (reviews, suggestions, parts in
actions, indicator signals, overdue actions) and what changed."""
