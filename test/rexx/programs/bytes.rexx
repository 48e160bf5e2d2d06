/* utf-8 and cp437 literals */
s = "hÃ©llo wÃ¶rld"
say s length(s) c2x(s)
say translate(s)
t = "°±²Û box"
say t length(t) c2x(left(t,4))
say reverse("Ã©") c2x(reverse("Ã©"))
say substr(s, 2, 2) upper("Ã©a")
