"""Summarises long ticket threads before they are handed to a human agent."""
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o", max_tokens=400)

prompt = ChatPromptTemplate.from_messages(
    [
        ("system", "Summarise this support thread: the problem, what was tried, and what the customer wants."),
        ("user", "{thread}"),
    ]
)


def summarise_thread(thread: str) -> str:
    return (prompt | llm).invoke({"thread": thread}).content
