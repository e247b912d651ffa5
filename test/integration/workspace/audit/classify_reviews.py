"""Review sentiment classifier used by the audit integration test."""
from openai import OpenAI

client = OpenAI()

# Prompts can contain markup; the report must show it as text: </script><img src=x onerror=alert(1)>
PROMPT = "Classify the sentiment of this review as positive or negative. </script><img src=x onerror=alert(1)>"


def classify(review: str) -> str:
    # llm-footprint: 10k calls/day
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": PROMPT},
            {"role": "user", "content": review},
        ],
        max_tokens=5,
    )
    return response.choices[0].message.content
