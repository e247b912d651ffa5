# Generated code, ignored by audit/.gitignore: the audit must not report this call.
from openai import OpenAI

OpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])
