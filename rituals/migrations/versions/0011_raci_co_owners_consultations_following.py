"""The RACI at work: co-owners, one prompt row per person asked, the consult round before a
poll, and whether a person follows what they are Informed of.

Revision ID: 0011_raci
Revises: 0010_decisions
"""

from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel
from alembic import op

import rituals.models

revision: str = "0011_raci"
down_revision: Union[str, Sequence[str], None] = "0010_decisions"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.add_column(sa.Column("co_owners", sa.JSON(), nullable=False, server_default="[]"))
    with op.batch_alter_table("checkin_prompt", schema=None) as batch_op:
        batch_op.drop_constraint("uq_prompt_period", type_="unique")
        batch_op.create_unique_constraint(
            "uq_prompt_period", ["initiative_id", "period", "recipient"]
        )
    with op.batch_alter_table("arbitration", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consult_until", rituals.models.UTCDateTime(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_arbitration_consult_until"), ["consult_until"], unique=False
        )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("following", sa.Boolean(), nullable=False, server_default=sa.text("true"))
        )
    op.create_table(
        "consultation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("arbitration_id", sa.Integer(), nullable=False),
        sa.Column("user", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("view", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("asked_at", rituals.models.UTCDateTime(), nullable=False),
        sa.Column("answered_at", rituals.models.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["arbitration_id"], ["arbitration.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("arbitration_id", "user", name="uq_consultation_user"),
    )
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consultation_arbitration_id"), ["arbitration_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("consultation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consultation_arbitration_id"))
    op.drop_table("consultation")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("following")
    with op.batch_alter_table("arbitration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_arbitration_consult_until"))
        batch_op.drop_column("consult_until")
    with op.batch_alter_table("checkin_prompt", schema=None) as batch_op:
        batch_op.drop_constraint("uq_prompt_period", type_="unique")
        batch_op.create_unique_constraint("uq_prompt_period", ["initiative_id", "period"])
    with op.batch_alter_table("initiative", schema=None) as batch_op:
        batch_op.drop_column("co_owners")
