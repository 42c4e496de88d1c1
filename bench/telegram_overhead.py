"""What the Telegram transport costs per event, against the simulator, side by side.

The same generated timeline (a group of 30, 300 events: chatter, /warn, /rename, /roster) is
played by `qunguan replay`'s runner on the simulator and by the Telegram parity harness (the
real aiogram Bot and Dispatcher, long polling a local fake Bot API over HTTP, flood control
with no spacing), alternately, on fresh SQLite databases. Prints the median time per event of
each and their ratio, in wall time and in CPU time of this process (the fake server runs in it
too); CPU time is the steadier of the two on a shared machine.

    .venv/bin/python bench/telegram_overhead.py [rounds]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adapters.sim.replay import run_replay
from adapters.sim.scenario import load_scenario
from bot.log import setup_logging
from bot.settings import Settings
from tests.telegram.fake_api import FakeBotAPI
from tests.telegram.parity import TelegramReplay

MEMBERS, EVENTS = 30, 300


def scenario(folder: Path) -> Path:
    names = [f"员工{n:02d}" for n in range(MEMBERS)]
    events = []
    for n in range(EVENTS):
        who = names[n % MEMBERS]
        if n % 25 == 0:
            text = "/roster"
        elif n % 10 == 0:
            text = f"/warn @{who} 测试"
        elif n % 15 == 0:
            text = f"/rename @{who} 财务部-{who}"
        else:
            text = f"第{n}条消息，大家好"
        sender = "行政人事部-李四" if text.startswith("/") else who
        events.append({"type": "message", "group": "全员群", "sender": sender, "text": text})
    spec = {
        "start": "2026-11-23T10:00:00+08:00",
        "org": {
            "bot": "群管家",
            "defaults": {"audit.daily_at": "", "warnings.limit": 1000},
            "roster": [{"name": "李四", "department": "行政人事部"}]
            + [{"name": n, "department": "财务部"} for n in names],
        },
        "groups": [
            {
                "name": "全员群",
                "admins": ["李四"],
                "members": [{"name": "行政人事部-李四", "remark": "李四"}, *names],
            }
        ],
        "events": events,
    }
    path = folder / "bench.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return path


async def simulator(path: Path, folder: Path) -> tuple[float, float]:
    settings = Settings(_env_file=None, data_dir=folder)
    wall, cpu = time.perf_counter(), time.process_time()
    await run_replay(load_scenario(path), settings, files_dir=folder / "files")
    return time.perf_counter() - wall, time.process_time() - cpu


async def telegram(path: Path, folder: Path) -> tuple[float, float]:
    api = FakeBotAPI()
    await api.start()
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        await TelegramReplay(load_scenario(path), api).play(f"sqlite://{folder / 't.db'}", folder)
        return time.perf_counter() - wall, time.process_time() - cpu
    finally:
        await api.stop()


async def main(rounds: int) -> None:
    setup_logging("ERROR")
    runs: dict[str, list[tuple[float, float]]] = {"simulator": [], "telegram": []}
    with tempfile.TemporaryDirectory() as tmp:
        path = scenario(Path(tmp))
        for n in range(rounds):
            for runner in (simulator, telegram):
                folder = Path(tmp) / f"{runner.__name__}{n}"
                folder.mkdir()
                runs[runner.__name__].append(await runner(path, folder))
    print(f"events per run: {EVENTS}, rounds: {rounds} (alternating)")
    medians = {}
    for name, results in runs.items():
        wall = [w / EVENTS * 1000 for w, _ in results]
        cpu = [c / EVENTS * 1000 for _, c in results]
        medians[name] = statistics.median(wall), statistics.median(cpu)
        print(
            f"{name:10} wall {medians[name][0]:.2f} ms/event, cpu {medians[name][1]:.2f} "
            f"ms/event (wall runs: {', '.join(f'{x:.2f}' for x in wall)})"
        )
    (sw, sc), (tw, tc) = medians["simulator"], medians["telegram"]
    print(f"ratio telegram/simulator: wall {tw / sw:.2f}, cpu {tc / sc:.2f}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
