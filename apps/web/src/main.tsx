import { render } from "preact";
import { App } from "./app";
import "./ui/tokens.css";
import "./styles.css";
import "./ui/components.css";

const root = document.getElementById("app");
if (root !== null) render(<App />, root);
