"""Redaction of names, emails and phone numbers before text leaves the machine for a hosted model."""

from __future__ import annotations

import re

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b")
PHONE = re.compile(r"(?<!\w)(\+?\d[\d\s().-]{7,}\d)(?!\w)")
# A capitalised word that does not start a sentence is most often a name; common capitalised words are kept.
NAME = re.compile(r"(?<=[a-z,;:]\s)([A-Z][a-z]{1,20})(?:\s[A-Z][a-z]{1,20})?")
KEEP = {"I", "I'm", "I've", "I'd", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "English", "Spanish", "French", "German", "PMP", "SMART", "SMARTY", "CEO", "HR", "AI"}


def redact(text: str) -> str:
    text = EMAIL.sub("[email]", text)
    text = PHONE.sub("[phone]", text)
    return NAME.sub(lambda m: m.group(0) if m.group(1) in KEEP else "[name]", text)
