"""From camera frames to accepted barcodes (zxing-cpp first, pyzbar as second opinion). Qt-free."""
