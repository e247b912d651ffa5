"""Root-cause analysis of escalated incidents, run on a reasoning model."""
from openai import OpenAI

client = OpenAI()


def analyse_incident(timeline: str) -> str:
    response = client.responses.create(
        model="o3",
        reasoning={"effort": "high"},
        input=f"Find the most likely root cause of this incident and list the evidence:\n{timeline}",
    )
    return response.output_text
