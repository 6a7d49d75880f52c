"""Alembic environment of LOB-Kompas: runs on the connection that :func:`recommender.initiatives.db.upgrade`
hands over (``config.attributes["connection"]``), or on ``LOB_DATABASE_URL`` / the default SQLite file
when Alembic's own command line is used (``alembic -c recommender/initiatives/alembic.ini upgrade head``)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from recommender.initiatives.db import database_url, metadata

config = context.config


def run() -> None:
    conn = config.attributes.get("connection")
    if conn is not None:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=conn.dialect.name == "sqlite")
        context.run_migrations()  # the caller owns the transaction
        return
    engine = sa.create_engine(database_url(), poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite"
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    context.configure(url=database_url(), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run()
