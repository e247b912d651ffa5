"""Ticket triage: classify each incoming support ticket and draft a first reply."""
import os

from openai import OpenAI

client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"))

TRIAGE_MODEL = os.getenv("TRIAGE_MODEL", "gpt-4o")

TRIAGE_PROMPT = """You are the triage assistant of a support desk.
Classify the ticket into exactly one of: billing, bug, feature-request, account, other.
Answer with the label only."""


def classify(ticket: str) -> str:
    # llm-footprint: 20k calls/day
    response = client.chat.completions.create(
        model=TRIAGE_MODEL,
        messages=[
            {"role": "system", "content": TRIAGE_PROMPT},
            {"role": "user", "content": ticket},
        ],
        max_tokens=5,
        temperature=0,
    )
    return (response.choices[0].message.content or "other").strip()


def draft_reply(ticket: str, label: str) -> str:
    # No max_tokens: the reply length is whatever the model decides.
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": f"Draft a friendly reply to a {label} ticket. Sign as 'The Support Team'."},
            {"role": "user", "content": ticket},
        ],
    )
    return response.choices[0].message.content or ""
