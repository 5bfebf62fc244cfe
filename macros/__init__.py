"""The handbook's code. mkdocs-macros imports this package and calls define_env at the start of every build."""


def define_env(env):
    # Imported here, not at the top: the `handbook` command imports this package too, and should not pay for the
    # renderers, Jinja and WeasyPrint glue that only a build uses.
    from .site.blocks import register

    register(env)
