"""Packing: the packing station (open an order, check each scan, pack), its queue and history, and the packing
video evidence.
"""
