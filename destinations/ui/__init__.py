"""The only Streamlit-importing code: caching wrappers, page frame, session/query-param state."""
