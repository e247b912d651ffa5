"""Editor integration fixture: three OpenAI calls — capped, annotated with a volume, and an unknown model."""
from openai import OpenAI

client = OpenAI()

SYSTEM = "You are a support assistant. Answer in at most two sentences."


def answer(question: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o",
        max_tokens=500,
        messages=[
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": question},
        ],
    )
    return response.choices[0].message.content or ""


def summarize(text: str) -> str:
    # llm-footprint: 20k calls/day
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Summarize this ticket:\n{text}"}],
    )
    return response.choices[0].message.content or ""


def legacy(text: str) -> str:
    response = client.chat.completions.create(
        model="acme-llm-7b-internal",
        max_tokens=200,
        messages=[{"role": "user", "content": text}],
    )
    return response.choices[0].message.content or ""
