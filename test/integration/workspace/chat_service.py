"""Support-ticket triage: classifies a ticket and drafts a reply."""
import os

from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

SYSTEM_PROMPT = (
    "You are a support triage assistant. Classify the ticket as billing, bug or question, "
    "then draft a short, polite reply that the agent can edit."
)


def triage(ticket_text: str) -> str:
    # llm-footprint: 5k calls/day
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": ticket_text},
        ],
        max_tokens=300,
    )
    return response.choices[0].message.content or ""


def embed_tickets(tickets: list[str]) -> list[list[float]]:
    result = client.embeddings.create(model="text-embedding-3-small", input=tickets)
    return [item.embedding for item in result.data]
