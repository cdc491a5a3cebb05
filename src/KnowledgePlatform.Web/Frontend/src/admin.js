// Back-office enhancements. Every screen works without this file; it only makes them quicker.
