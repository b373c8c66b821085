"""Reads exported files with Python's own parsers and prints what they contain, as JSON.

Usage: python3 inspect_export.py FILE...   (one JSON object per file, in a JSON list)

For a .py file: whether it compiles, every import, every call (function, positional arguments and
keyword arguments with their literal values, or their source when not a literal), the module-level
assignments, and a skeleton (the ast dump with every constant replaced by a placeholder), so a test
can check that hostile text changed values only, never structure. For a .yaml file: the document.
"""
import ast
import json
import sys

import yaml


def value(node):
    # literal("...") is how an Airflow export keeps Jinja away from OML text: report the text inside.
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "literal" and len(node.args) == 1:
        inner = value(node.args[0])
        inner["wrapped"] = True
        return inner
    try:
        return {"literal": ast.literal_eval(node)}
    except (ValueError, SyntaxError, TypeError):
        return {"source": ast.unparse(node)}


class Skeleton(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.copy_location(ast.Constant(value="<constant>"), node)


def inspect_python(path):
    with open(path, "rb") as f:
        source = f.read()
    result = {"path": path}
    try:
        compile(source, path, "exec")
        tree = ast.parse(source, path)
    except SyntaxError as error:
        result["error"] = f"{error.msg} at {error.lineno}:{error.offset}"
        return result
    result["imports"] = [ast.unparse(n) for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            calls.append({
                "func": ast.unparse(node.func),
                "args": [value(a) for a in node.args],
                "kwargs": {k.arg if k.arg else "**": value(k.value) for k in node.keywords},
            })
    result["calls"] = calls
    result["assigns"] = {
        t.id: value(n.value)
        for n in tree.body if isinstance(n, ast.Assign)
        for t in n.targets if isinstance(t, ast.Name)
    }
    result["statements"] = [type(n).__name__ for n in tree.body]
    result["skeleton"] = ast.dump(Skeleton().visit(ast.parse(source, path)))
    return result


def inspect_yaml(path):
    with open(path, "r", encoding="utf-8") as f:
        try:
            return {"path": path, "document": yaml.safe_load(f)}
        except yaml.YAMLError as error:
            return {"path": path, "error": str(error)}


def main():
    results = [inspect_yaml(p) if p.endswith((".yaml", ".yml")) else inspect_python(p) for p in sys.argv[1:]]
    json.dump(results, sys.stdout, default=str)


if __name__ == "__main__":
    main()
