"""LOB-Kompas application layer: the ``lob-kompas`` CLI and the Streamlit app."""
