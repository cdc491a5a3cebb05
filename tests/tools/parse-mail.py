#!/usr/bin/env python3
"""Parses mail files with Python's standard email package (policy.default, the strict modern parser)
and prints one JSON object per file: decoded headers, every part, and every defect the parser found.
Used by the tests to prove that what we send is clean MIME for a standard, independent parser."""
import email
import email.policy
import email.utils
import json
import sys


def describe(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    defects, parts = [], []
    for part in msg.walk():
        defects += [type(d).__name__ for d in part.defects]
        for name, value in part.items():
            defects += [type(d).__name__ for d in getattr(value, "defects", [])]
        if part.is_multipart():
            parts.append({"contentType": part.get_content_type(), "multipart": True})
            continue
        content = part.get_content()
        parts.append({
            "contentType": part.get_content_type(),
            "charset": part.get_content_charset(),
            "filename": part.get_filename(),
            "method": part.get_param("method"),
            "text": content if isinstance(content, str) else None,
            "size": len(content),
        })
    date = msg["Date"]
    return {
        "path": path,
        "subject": str(msg["Subject"]) if msg["Subject"] is not None else None,
        "from": str(msg["From"]),
        "to": str(msg["To"]),
        "toAddress": msg["To"].addresses[0].addr_spec if msg["To"] is not None else None,
        "toName": msg["To"].addresses[0].display_name if msg["To"] is not None else None,
        "replyTo": str(msg["Reply-To"]) if msg["Reply-To"] is not None else None,
        "messageId": str(msg["Message-ID"]),
        "date": email.utils.parsedate_to_datetime(str(date)).isoformat() if date is not None else None,
        "headerNames": list(msg.keys()),
        "listUnsubscribe": str(msg["List-Unsubscribe"]) if msg["List-Unsubscribe"] is not None else None,
        "listUnsubscribePost": str(msg["List-Unsubscribe-Post"]) if msg["List-Unsubscribe-Post"] is not None else None,
        "defects": defects,
        "parts": parts,
    }


print(json.dumps([describe(p) for p in sys.argv[1:]], ensure_ascii=False))
