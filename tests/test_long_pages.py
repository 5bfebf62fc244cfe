"""Long pages on a phone: text blocks and the manager's comparison tables far below the first screen are left
undrawn until a reader nears them (docs/assets/handbook.css, `content-visibility`), and what that changes stays
invisible to the reader: a focused link keeps its whole outline, and paper still gets every block."""

from io import BytesIO

import pytest
from PIL import Image  # WeasyPrint's own dependency

PHONE = {"width": 390, "height": 844}
LONG_PAGE = "duties/"
BLOCKS = ".md-typeset > ol > li"  # inside the blocks: a block itself is always drawn, as a box of its guessed size
LONG_PAGES = {LONG_PAGE: BLOCKS, "manager/": ".md-typeset > .hb-matrix table"}
# checkVisibility's contentVisibilityAuto option: false for an element inside a block the browser skips for now.
DRAWN = "(element) => element.checkVisibility({ contentVisibilityAuto: true })"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("page, blocks", LONG_PAGES.items(), ids=LONG_PAGES)
def test_blocks_far_below_the_first_screen_are_drawn_only_when_reached(phone, served_site, page, blocks):
    phone.goto(f"{served_site}/{page}")
    phone.wait_for_load_state("load")
    found = phone.locator(blocks)
    assert found.first.evaluate(DRAWN), "the first block, on the first screens, is drawn"
    last = found.last
    assert not last.evaluate(DRAWN), "the last block, many screens down, is drawn as the page loads"
    last.scroll_into_view_if_needed()
    phone.wait_for_function(f"(selector) => ({DRAWN})([...document.querySelectorAll(selector)].pop())", arg=blocks,
                            timeout=5000)


def test_a_focused_link_in_a_block_keeps_its_whole_outline(phone, served_site):
    """A link on a paragraph's first line: its outline reaches above the paragraph's top edge, where the block's
    containment would cut it off without the clip margin. The outline is drawn in pure red to be counted."""
    phone.goto(f"{served_site}/{LONG_PAGE}")
    phone.add_style_tag(content="a.hb-probe { outline: 3px solid #ff0000 !important; outline-offset: .2rem !important; }")
    found = phone.evaluate("""() => {
      for (const link of document.querySelectorAll('.md-typeset > p a')) {
        if (getComputedStyle(link.parentElement).contentVisibility !== 'auto') continue;  // a block drawn as it loads
        if (link.getClientRects()[0].top - link.parentElement.getBoundingClientRect().top > 5) continue;
        link.classList.add('hb-probe');
        link.scrollIntoView({ block: 'center' });
        return true;
      }
      return false;
    }""")
    assert found, "no link on the first line of a paragraph drawn only when reached"
    phone.wait_for_function(f"() => ({DRAWN})(document.querySelector('.hb-probe'))", timeout=5000)
    phone.wait_for_timeout(100)  # the frame that draws it
    box = phone.evaluate("""() => {
      const link = document.querySelector('.hb-probe'), own = link.getClientRects()[0];
      return { left: own.left, right: own.right, top: link.parentElement.getBoundingClientRect().top };
    }""")
    above = phone.screenshot(clip={"x": box["left"], "y": box["top"] - 8, "width": box["right"] - box["left"], "height": 8})
    rgb = Image.open(BytesIO(above)).convert("RGB").tobytes()
    red = sum(1 for i in range(0, len(rgb), 3) if rgb[i] > 200 and rgb[i + 1] < 60 and rgb[i + 2] < 60)
    assert red > box["right"] - box["left"], "the outline above the paragraph's top edge is cut off"


def test_paper_gets_every_block_of_a_long_page(phone, served_site):
    phone.goto(f"{served_site}/{LONG_PAGE}")
    phone.emulate_media(media="print")
    assert phone.locator(BLOCKS).last.evaluate(DRAWN), "a block left undrawn on screen would be left off paper too"


def test_a_frame_that_scrolls_in_a_block_drawn_only_when_reached_is_reachable_from_the_keyboard(phone, served_site):
    """docs/assets/frames.js measures such frames later, one per idle moment, not in the task that shows the page:
    soon after (within a second on a quiet machine) every frame that scrolls sideways is in the tab order, named as
    a region, and every frame that fits is not."""
    phone.goto(f"{served_site}/manager/")
    scrolls = "(frame) => frame.scrollWidth > frame.clientWidth + 1"
    late = phone.evaluate(f"""() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
      .filter((frame) => getComputedStyle(frame.closest('.md-typeset > *')).contentVisibility === 'auto')
      .filter({scrolls}).length""")
    assert late, "no frame that scrolls sideways in a block drawn only when reached: the test needs one"
    phone.wait_for_function(f"""() => [...document.querySelectorAll('.md-typeset__scrollwrap')].every((frame) =>
      ({scrolls})(frame) === (frame.tabIndex === 0 && frame.getAttribute('role') === 'region'))""", timeout=5000)
