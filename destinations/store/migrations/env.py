"""Alembic's environment script, for the ``alembic`` command line (the app upgrades with
:func:`destinations.store.migrations.upgrade`, which does not read this file).

    alembic -x url=sqlite:///store.sqlite -c /dev/null --raiseerr upgrade head  # not needed
"""

from alembic import context

from destinations.settings import load_settings
from destinations.store.documents import make_engine

url = context.get_x_argument(as_dictionary=True).get("url") or load_settings().db_url
with make_engine(url).begin() as connection:
    context.configure(connection=connection, transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()
