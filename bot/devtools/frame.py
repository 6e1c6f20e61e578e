"""The page around the demo's rendered Block Kit: Slack's conversation, modal and Home tab
frames, with inline CSS (nothing is fetched)."""

from jinja2 import Environment

# The words of Slack's own frame around the bot's blocks.
FRAME = {
    "en": {"home": "Home", "messages": "Messages", "about": "About", "cancel": "Cancel",
           "optional": "(optional)"},
    "fr": {"home": "Accueil", "messages": "Messages", "about": "À propos", "cancel": "Annuler",
           "optional": "(facultatif)"},
}  # fmt: skip
ENV = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
PAGE = ENV.from_string(
    """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ title }}</title>
<style>{{ css }}</style></head>
<body><main class="{{ kind }}">
{% if kind == "modal" %}
<div class="dialog"><div class="bar"><b>{{ view_title }}</b><span class="close">✕</span></div>
<div class="content">{{ content }}</div>
<div class="foot">{% if close %}<span class="btn">{{ close }}</span>{% endif %}
{% if submit %}<span class="btn primary">{{ submit }}</span>{% endif %}</div></div>
{% elif kind == "home" %}
<div class="place"><span class="avatar">R</span> <b>ritualbot</b>
<span class="tabs"><u>{{ frame.home }}</u> {{ frame.messages }} {{ frame.about }}</span></div>
<div class="content">{{ content }}</div>
{% else %}
<div class="place">{{ place }}</div>
{% for post in posts %}
<div class="post"><span class="avatar{{ ' person' if not post.app }}">{{ post.letter }}</span>
<div><div class="who"><b>{{ post.author }}</b>{% if post.app %} <span class="app">APP</span>
{% endif %} <span class="time">{{ post.time }}</span></div>{{ post.body }}</div></div>
{% endfor %}
{% endif %}
</main></body></html>
"""
)
CSS = """
body{margin:0;background:#fff;font:15px/1.46 "Liberation Sans","DejaVu Sans",Arial,sans-serif,
"Noto Color Emoji";color:#1d1c1d}
main{width:680px;padding:12px 20px 16px}
.place{font-weight:bold;border-bottom:1px solid #ddd;padding:4px 0 10px;margin-bottom:8px}
.tabs{font-weight:normal;color:#616061;margin-left:16px;word-spacing:12px}
.post{display:flex;gap:8px;padding:6px 0}
.avatar{flex:none;width:36px;height:36px;border-radius:6px;background:#4a154b;color:#fff;
display:inline-flex;align-items:center;justify-content:center;font-weight:bold;font-size:18px}
.avatar.person{background:#1264a3}
.place .avatar{width:24px;height:24px;font-size:13px;vertical-align:middle}
.app{background:#e8e8e8;color:#616061;font-size:10px;font-weight:bold;padding:1px 3px;
border-radius:2px}
.time{color:#616061;font-size:12px}
.header{font-size:18px;font-weight:900;margin:6px 0 4px}
.section{display:flex;justify-content:space-between;gap:12px;margin:6px 0}
.section>div:first-child{flex:1}
.fields{display:grid;grid-template-columns:1fr 1fr;gap:6px 16px;margin-top:4px}
.context{color:#616061;font-size:13px;margin:6px 0}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.btn{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:3px 12px;
font-weight:bold;font-size:14px;background:#fff}
.btn.primary{background:#007a5a;border-color:#007a5a;color:#fff}
.btn.danger{background:#e01e5a;border-color:#e01e5a;color:#fff}
.divider{border:0;border-top:1px solid #ddd;margin:10px 0}
.mention,.channel{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px}
code{font:12px monospace;background:#f6f6f6;border:1px solid #ddd;border-radius:3px;
padding:1px 3px;color:#e01e5a}
pre{font:12px monospace;background:#f6f6f6;border:1px solid #ddd;padding:8px;margin:4px 0}
.quote{display:block;border-left:4px solid #ddd;padding-left:10px}
a{color:#1264a3;text-decoration:none}
.dialog{border:1px solid #ccc;border-radius:8px;box-shadow:0 4px 12px #0002;width:520px}
.dialog .bar{display:flex;justify-content:space-between;padding:14px 20px;font-size:20px;
border-bottom:1px solid #ddd}
.dialog .content{padding:8px 20px}
.dialog .foot{display:flex;justify-content:flex-end;gap:8px;padding:12px 20px;
border-top:1px solid #ddd}
.input{margin:12px 0}
.input label{display:block;font-weight:bold;margin-bottom:4px}
.optional,.hint{font-weight:normal;color:#616061;font-size:13px}
.box{display:flex;justify-content:space-between;border:1px solid #bbb;border-radius:4px;
padding:6px 10px;min-height:20px}
.box.multi{min-height:60px}
.box.empty{color:#868686}
.side .box{min-width:160px}
.choices{display:flex;flex-direction:column}
.image{color:#616061;border:1px dashed #bbb;padding:8px;margin:6px 0}
.image.small{border:0;padding:0}
.unknown{background:#fee;color:#a00;padding:4px}
"""
