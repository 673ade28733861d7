// A first window: a search box over the core. The full desk (reader, import,
// claims) is built on top of this.
import { invoke } from "@tauri-apps/api/core";

const app = document.getElementById("app")!;
const box = document.createElement("input");
box.type = "search";
box.placeholder = "Search articles";
box.autofocus = true;
const list = document.createElement("ol");
app.append(box, list);

box.addEventListener("input", async () => {
  try {
    const results: any = await invoke("search", { request: { query: box.value, limit: 20, offset: 0, sort: "relevance" } });
    list.replaceChildren(
      ...results.hits.map((hit: any) => {
        const item = document.createElement("li");
        item.textContent = `${hit.title} — ${hit.outlet ?? ""}`;
        return item;
      }),
    );
  } catch (e: any) {
    list.replaceChildren(Object.assign(document.createElement("li"), { textContent: e.message }));
  }
});
