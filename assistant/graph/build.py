"""Wiring only: the self-coaching graph's nodes, edges and routing decisions."""

from __future__ import annotations

from langgraph.graph import END, START, StateGraph

from assistant.graph.deps import Deps
from assistant.graph.moves import MOVES, Kind
from assistant.graph.nodes.confirm import confirm
from assistant.graph.nodes.intake import intake
from assistant.graph.nodes.plan import plan
from assistant.graph.nodes.read import read
from assistant.graph.nodes.remember import remember
from assistant.graph.nodes.respond import respond
from assistant.graph.nodes.retrieve import retrieve
from assistant.graph.nodes.save import save
from assistant.graph.state import CoachState


def _info(state: CoachState):
    return MOVES[Kind(state["move"]["kind"])]


def after_plan(state: CoachState) -> str:
    return "save" if _info(state).saves else "retrieve"


def after_remember(state: CoachState) -> str:
    return "confirm" if _info(state).confirms else END


def build_graph(checkpointer=None):
    g = StateGraph(CoachState, context_schema=Deps)
    for name, node in (("intake", intake), ("read", read), ("plan", plan), ("save", save), ("retrieve", retrieve),
                       ("respond", respond), ("remember", remember), ("confirm", confirm)):
        g.add_node(name, node)
    g.add_edge(START, "intake")
    g.add_edge("intake", "read")
    g.add_edge("read", "plan")
    g.add_conditional_edges("plan", after_plan, ["save", "retrieve"])
    g.add_edge("save", "retrieve")
    g.add_edge("retrieve", "respond")
    g.add_edge("respond", "remember")
    g.add_conditional_edges("remember", after_remember, ["confirm", END])
    g.add_edge("confirm", "read")  # their answer to the draft is read like any message, then planned
    return g.compile(checkpointer=checkpointer)
