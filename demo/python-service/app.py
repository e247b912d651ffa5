"""HTTP entry points of the support service."""
from fastapi import FastAPI

from deep_analysis import analyse_incident
from policy_check import review
from triage import classify, draft_reply

app = FastAPI()


@app.post("/tickets")
def new_ticket(body: dict) -> dict:
    label = classify(body["text"])
    draft = draft_reply(body["text"], label)
    return {"label": label, "draft": draft, "policy": review(draft)}


@app.post("/incidents/analyse")
def analyse(body: dict) -> dict:
    return {"analysis": analyse_incident(body["timeline"])}
