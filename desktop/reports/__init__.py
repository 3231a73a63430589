"""Printed forms (PDF) and Excel templates, imports and exports."""
