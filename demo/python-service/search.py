"""Semantic search over the help-centre articles."""
from openai import OpenAI

client = OpenAI()

EMBEDDING_MODEL = "text-embedding-3-small"


def embed_articles(articles: list[str]) -> list[list[float]]:
    vectors = []
    for article in articles:
        # One request per article: batching the whole list in one call would be cheaper.
        result = client.embeddings.create(model=EMBEDDING_MODEL, input=article)
        vectors.append(result.data[0].embedding)
    return vectors


def embed_query(query: str) -> list[float]:
    return client.embeddings.create(model=EMBEDDING_MODEL, input=query).data[0].embedding
