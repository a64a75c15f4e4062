//! The control that makes the app's text larger or smaller.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::prefs::TextSize;

/// Props of [`TextSizePicker`].
#[derive(Debug, PartialEq, Properties)]
pub struct TextSizePickerProps {
    /// The size in force.
    pub value: TextSize,
    /// Called with the size the learner picks.
    pub on_change: Callback<TextSize>,
}

/// A labelled drop-down of the text sizes.
#[function_component(TextSizePicker)]
pub fn text_size_picker(props: &TextSizePickerProps) -> Html {
    let on_change = props.on_change.reform(|e: Event| {
        let index = e
            .target_unchecked_into::<HtmlSelectElement>()
            .selected_index();
        usize::try_from(index)
            .ok()
            .and_then(|i| TextSize::ALL.get(i).copied())
            .unwrap_or_default()
    });
    html! {
        <div class="text-size">
            <label for="text-size">{ "Cỡ chữ" }</label>
            <select id="text-size" onchange={on_change}>
                { for TextSize::ALL.iter().map(|size| html! {
                    <option value={size.css_class()} selected={*size == props.value}>{ size.label() }</option>
                }) }
            </select>
        </div>
    }
}
