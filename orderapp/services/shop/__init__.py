"""The shop as a whole: its first start, moving it to a server, the dashboard figures, and saving over another PC's
change.
"""
