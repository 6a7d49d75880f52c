"""LOB-Kompas curated knowledge: schema, vocabularies and the validating loader."""

from knowledge.loader import KnowledgeBase, KnowledgeError, Problem, load_knowledge

__all__ = ["KnowledgeBase", "KnowledgeError", "Problem", "load_knowledge"]
