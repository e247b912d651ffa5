"""Nightly digest of the day's tickets for the support leads."""
from google import genai

client = genai.Client()


def nightly_digest(tickets: list[str]) -> str:
    joined = "\n---\n".join(tickets)
    response = client.models.generate_content(
        model="gemini-2.0-flash",
        contents=f"Summarise today's support tickets in five bullet points for the team leads:\n{joined}",
    )
    return response.text
