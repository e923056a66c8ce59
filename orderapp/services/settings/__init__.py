"""The shop's settings, one service with a section per capability.

Each module is one section, read and saved as a whole, stored under its own key prefix in the
``setting`` table: ``shop`` (name, address, currency, time zone), ``documents`` (paperwork),
``orders``, ``packing``, ``evidence`` (packing video), ``exceptions``, ``staff``, and ``rules``
(the rules other capabilities keep, shown together on the Settings screen).
"""
